package io.ledgerbridge.connection;

import io.ledgerbridge.connection.ConnectOutcome.Stopped;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Where Xero sends the person back after its consent page ({@code GET /oauth/xero/callback}), and the choose page's
 * form. These are pages a browser shows, without the API's token: the state and the choice token are what bind a
 * request to the workspace that started it.
 */
@Controller
class ConnectCallbackController {

    private final ConnectFlow flow;

    ConnectCallbackController(ConnectFlow flow) {
        this.flow = flow;
    }

    @GetMapping(ConnectFlow.CALLBACK_PATH)
    ResponseEntity<String> callback(@RequestParam(required = false) String state,
                                    @RequestParam(required = false) String code,
                                    @RequestParam(required = false) String error,
                                    @RequestParam(name = "error_description", required = false) String errorDescription) {
        return page(flow.callback(state, code, error, errorDescription));
    }

    @PostMapping(path = ConnectPages.CHOOSE_PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> choose(@RequestParam(required = false) String workspace,
                                  @RequestParam(required = false) String choice,
                                  @RequestParam(required = false) String tenantId) {
        UUID tenant;
        try {
            tenant = tenantId == null ? null : UUID.fromString(tenantId);
        } catch (IllegalArgumentException e) {
            tenant = null;
        }
        if (workspace == null || choice == null) {
            return page(new Stopped(400, "This choice is not valid", "The form came without its workspace or choice.",
                    "Start connecting again from the platform."));
        }
        return page(flow.choose(workspace, choice, tenant));
    }

    private static ResponseEntity<String> page(ConnectOutcome outcome) {
        int status = outcome instanceof Stopped stopped ? stopped.status() : 200;
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("Referrer-Policy", "no-referrer")
                .body(ConnectPages.page(outcome));
    }
}
