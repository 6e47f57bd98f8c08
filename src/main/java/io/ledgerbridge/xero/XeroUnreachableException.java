package io.ledgerbridge.xero;

/**
 * No answer from Xero (timeout, refused or broken connection). For a write the outcome is unknown: the
 * document must be looked up in Xero before it is sent again.
 */
class XeroUnreachableException extends RuntimeException {

    private final transient XeroRequest request;

    public XeroUnreachableException(XeroRequest request, Throwable cause) {
        super("No answer from Xero to " + request.method() + " " + request.path() + ": " + cause.getMessage(), cause);
        this.request = request;
    }

    public boolean outcomeUnknown() {
        return !"GET".equals(request.method());
    }
}
