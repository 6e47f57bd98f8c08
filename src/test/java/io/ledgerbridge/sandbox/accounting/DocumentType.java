package io.ledgerbridge.sandbox.accounting;

import java.util.Locale;

/** The four document types the sandbox keeps: invoices and bills, and their credit notes. */
enum DocumentType {
    ACCREC(true, false), ACCPAY(false, false), ACCRECCREDIT(true, true), ACCPAYCREDIT(false, true);

    private final boolean sales;
    private final boolean credit;

    DocumentType(boolean sales, boolean credit) {
        this.sales = sales;
        this.credit = credit;
    }

    boolean isSales() {
        return sales;
    }

    boolean isCredit() {
        return credit;
    }

    static DocumentType parse(String text, boolean creditNote) {
        if (text == null) {
            return null;
        }
        try {
            DocumentType type = valueOf(text.trim().toUpperCase(Locale.ROOT));
            return type.credit == creditNote ? type : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    String paymentType() {
        return switch (this) {
            case ACCREC -> "ACCRECPAYMENT";
            case ACCPAY -> "ACCPAYPAYMENT";
            case ACCRECCREDIT -> "ARCREDITPAYMENT";
            case ACCPAYCREDIT -> "APCREDITPAYMENT";
        };
    }
}
