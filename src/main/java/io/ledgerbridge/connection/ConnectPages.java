package io.ledgerbridge.connection;

import io.ledgerbridge.connection.ConnectOutcome.ChooseOrganisation;
import io.ledgerbridge.connection.ConnectOutcome.Connected;
import io.ledgerbridge.connection.ConnectOutcome.Stopped;

/**
 * The small server-rendered pages of the connect flow, one per outcome: Connected, the choice of organisation (a form
 * that posts the choice token, never in a URL), and a page for each way it can stop, saying what happened and what to
 * do. Everything shown is escaped.
 */
final class ConnectPages {

    static final String CHOOSE_PATH = "/oauth/xero/choose";

    private ConnectPages() {
    }

    static String page(ConnectOutcome outcome) {
        if (outcome instanceof Connected connected) {
            return html("Connected to Xero", "<p id=\"status\">Connected</p>"
                    + "<p>Workspace <strong>" + esc(connected.workspaceId()) + "</strong> is connected to <strong id=\"organisation\">"
                    + esc(connected.organisationName()) + "</strong> <small>(tenant <code id=\"tenant\">" + connected.tenantId()
                    + "</code>)</small>.</p><p>"
                    + (connected.reconnected() ? "Documents that waited for the connection go again now."
                            : "Invoices and bills now go to this organisation.")
                    + " You can close this page.</p>");
        }
        if (outcome instanceof ChooseOrganisation choose) {
            return choosePage(choose);
        }
        Stopped stopped = (Stopped) outcome;
        return html(stopped.title(), "<p id=\"status\">Not connected</p><p id=\"detail\">" + esc(stopped.detail())
                + "</p><p id=\"what-to-do\"><strong>What to do:</strong> " + esc(stopped.whatToDo()) + "</p>");
    }

    private static String choosePage(ChooseOrganisation choose) {
        StringBuilder body = new StringBuilder("<p id=\"status\">Choose an organisation</p><p>The Xero login allowed "
                + choose.organisations().size() + " organisations. Choose the one workspace <strong>"
                + esc(choose.workspaceId()) + "</strong> keeps its books in.</p>"
                + "<form method=\"post\" action=\"" + CHOOSE_PATH + "\">"
                + "<input type=\"hidden\" name=\"workspace\" value=\"" + esc(choose.workspaceId()) + "\">"
                + "<input type=\"hidden\" name=\"choice\" value=\"" + esc(choose.choiceToken()) + "\"><ul>");
        for (XeroOrganisation organisation : choose.organisations()) {
            body.append("<li><label><input type=\"radio\" name=\"tenantId\" required value=\"").append(organisation.tenantId())
                    .append("\"> ").append(esc(organisation.tenantName())).append(" <small>(")
                    .append(organisation.tenantId()).append(")</small></label></li>");
        }
        body.append("</ul><button type=\"submit\" id=\"connect\">Connect this organisation</button></form>");
        return html("Choose the Xero organisation", body.toString());
    }

    private static String html(String title, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + esc(title)
                + " · LedgerBridge</title><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5}"
                + "#status{font-weight:600}</style></head><body><h1>" + esc(title) + "</h1>" + body + "</body></html>";
    }

    static String esc(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
