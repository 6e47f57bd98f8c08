package io.ledgerbridge.xero;


/** Xero answered a call the lane needed (a read, a contact) with an error; the lane decides by its kind. */
public class XeroAnswerException extends RuntimeException {

    private final transient XeroFailure failure;

    public XeroAnswerException(XeroResponse response) {
        super(response.failure().detail());
        this.failure = response.failure();
    }

    public XeroFailure failure() {
        return failure;
    }
}
