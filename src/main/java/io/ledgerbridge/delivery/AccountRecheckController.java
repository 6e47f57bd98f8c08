package io.ledgerbridge.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ledgerbridge.api.NotFoundException;
import io.ledgerbridge.delivery.AccountRecheck.NoLongerFits;
import io.ledgerbridge.delivery.AccountRechecks.Recheck;
import io.ledgerbridge.workspace.ChartOfAccounts;
import io.ledgerbridge.workspace.WorkspaceRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET …/settings/account-check}: whether the account codes saved in the settings and
 * mappings still fit the organisation's chart, as last read from Xero; {@code ?fresh=true} reads the chart now.
 */
@RestController
class AccountRecheckController {

    private final AccountRechecks rechecks;
    private final ChartOfAccounts chart;
    private final WorkspaceRepository workspaces;

    AccountRecheckController(AccountRechecks rechecks, ChartOfAccounts chart, WorkspaceRepository workspaces) {
        this.rechecks = rechecks;
        this.chart = chart;
        this.workspaces = workspaces;
    }

    enum Status {
        /** Every saved code is in the chart, active and of the right class. */
        FITS,
        /** Some saved codes no longer fit: {@code problems} names them. */
        SOME_NO_LONGER_FIT,
        /** No check since the last change, or the chart cannot be read now: {@code detail} says why. */
        NOT_CHECKED
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AccountRecheckView(Status status, String organisation, Instant checkedAt, List<NoLongerFits> problems,
                              String reason, String detail) {
    }

    @GetMapping("/api/v1/workspaces/{workspaceId}/settings/account-check")
    public AccountRecheckView get(@PathVariable String workspaceId, @RequestParam(defaultValue = "false") boolean fresh) {
        if (!workspaces.exists(workspaceId)) {
            throw NotFoundException.workspace(workspaceId);
        }
        if (fresh && chart.of(workspaceId, true) instanceof ChartOfAccounts.Unknown unknown) {
            return new AccountRecheckView(Status.NOT_CHECKED, null, null, null, unknown.reason().name(),
                    "The chart could not be read now: " + unknown.detail());
        }
        Optional<Recheck> last = rechecks.find(workspaceId);
        if (last.isEmpty()) {
            return new AccountRecheckView(Status.NOT_CHECKED, null, null, null, null, "Not checked since the settings or"
                    + " mappings last changed, or the organisation was last read. GET with ?fresh=true to read the"
                    + " chart now.");
        }
        Recheck recheck = last.get();
        return new AccountRecheckView(recheck.problems().isEmpty() ? Status.FITS : Status.SOME_NO_LONGER_FIT,
                recheck.organisation(), recheck.checkedAt(), recheck.problems(), null,
                recheck.problems().isEmpty() ? "Every saved account code fits the chart of " + recheck.organisation() + "."
                        : String.join(" ", recheck.problems().stream().map(NoLongerFits::sentence).toList()));
    }
}
