package io.ledgerbridge.delivery;

import io.ledgerbridge.coding.Organisation;
import io.ledgerbridge.connection.XeroConnection;
import io.ledgerbridge.connection.XeroConnectionRepository;
import io.ledgerbridge.workspace.AccountCheckResult.Reason;
import io.ledgerbridge.workspace.ChartAccount;
import io.ledgerbridge.workspace.ChartTaxRate;
import io.ledgerbridge.workspace.ChartTracking;
import io.ledgerbridge.workspace.ChartOfAccounts;
import io.ledgerbridge.xero.PacedXero;
import io.ledgerbridge.xero.XeroReply;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The chart the settings and mappings are checked against: the organisation coding uses ({@link OrganisationCache}),
 * so a code that passes the check is one coding accepts. Without a usable connection, or when Xero cannot be read
 * now, there is no chart and the code is saved unchecked.
 */
@Component
class OrganisationChart implements ChartOfAccounts {

    private static final Logger log = LoggerFactory.getLogger(OrganisationChart.class);

    private final XeroConnectionRepository connections;
    private final OrganisationCache organisations;

    OrganisationChart(XeroConnectionRepository connections, OrganisationCache organisations) {
        this.connections = connections;
        this.organisations = organisations;
    }

    @Override
    public Chart of(String workspaceId, boolean fresh) {
        Optional<XeroConnection> connection = connections.find(workspaceId);
        if (connection.isEmpty() || connection.get().status() == XeroConnection.Status.DISCONNECTED) {
            return new Unknown(Reason.NOT_CONNECTED, "the workspace is not connected to Xero.");
        }
        if (!connection.get().usable()) {
            return new Unknown(Reason.NEEDS_RECONNECT, "the workspace's Xero connection has to be made again.");
        }
        if (fresh) {
            organisations.forget(workspaceId);
        }
        try {
            Organisation organisation = organisations.get(connection.get());
            return new Known(organisation.name(), accounts(organisation), taxRates(organisation), tracking(organisation));
        } catch (RuntimeException e) {
            XeroReply why = whyNot(e);
            log.info("Workspace {}: the chart of accounts could not be read to check a setting: {}", workspaceId, why);
            if (why instanceof XeroReply.NotSent throttled) {
                return new Unknown(Reason.THROTTLED, "Xero's limits for the organisation allow the next call at "
                        + throttled.notBefore() + ".");
            }
            if (why instanceof XeroReply.Reconnect) {
                return new Unknown(Reason.NEEDS_RECONNECT, "the workspace's Xero connection has to be made again.");
            }
            return new Unknown(Reason.XERO_UNAVAILABLE, "Xero could not be read now.");
        }
    }

    private static XeroReply whyNot(RuntimeException e) {
        try {
            return PacedXero.failed(e, false);
        } catch (RuntimeException ours) {
            // not about Xero (an answer we could not read): the check cannot be made, the save need not fail for it
            return new XeroReply.Unavailable(ours.toString());
        }
    }

    static List<ChartTaxRate> taxRates(Organisation organisation) {
        return organisation.taxRates().values().stream()
                .map(rate -> new ChartTaxRate(rate.taxType(), rate.name(), rate.status(), rate.revenue(), rate.expenses()))
                .toList();
    }

    static List<ChartTracking> tracking(Organisation organisation) {
        return organisation.trackingCategories().stream()
                .map(category -> new ChartTracking(category.name(), "ACTIVE".equals(category.status()),
                        category.activeOptions()))
                .toList();
    }

    static List<ChartAccount> accounts(Organisation organisation) {
        return organisation.accounts().values().stream()
                .map(account -> new ChartAccount(account.code(), account.name(), account.type(), account.status(),
                        account.systemAccount(), account.acceptsPayments()))
                .toList();
    }
}
