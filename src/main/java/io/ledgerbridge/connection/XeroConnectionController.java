package io.ledgerbridge.connection;

import io.ledgerbridge.connection.ConnectFlow.AuthorizeUrl;
import io.ledgerbridge.connection.ConnectFlow.ConnectionStatus;
import io.ledgerbridge.connection.ConnectFlow.Disconnected;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** A workspace's Xero connection through the API: connect, the choice of organisation, status, disconnect, links. */
@RestController
@RequestMapping("/api/v1/workspaces/{workspaceId}/xero")
class XeroConnectionController {

    /** The organisation chosen when the Xero login reaches several. */
    record OrganisationChoice(@NotNull UUID tenantId) {
    }

    private final ConnectFlow flow;

    XeroConnectionController(ConnectFlow flow) {
        this.flow = flow;
    }

    /** Start connecting Xero: the URL of Xero's consent page for the person to open. */
    @PostMapping("/connect")
    AuthorizeUrl connect(@PathVariable String workspaceId) {
        return flow.start(workspaceId, ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString());
    }

    /** The connection: status, organisation name and tenant id, why it needs reconnecting. */
    @GetMapping
    ConnectionStatus status(@PathVariable String workspaceId) {
        return flow.status(workspaceId);
    }

    /** Choose the organisation when the Xero login reaches several (the choose page's step). */
    @PostMapping("/organisation")
    ResponseEntity<?> choose(@PathVariable String workspaceId, @Valid @RequestBody OrganisationChoice choice) {
        return answer(workspaceId, flow.chooseThroughApi(workspaceId, choice.tenantId()));
    }

    /** Disconnect: revoke at Xero, delete the tokens, stop sync; mappings and links stay. */
    @PostMapping("/disconnect")
    Disconnected disconnect(@PathVariable String workspaceId) {
        return flow.disconnect(workspaceId);
    }

    /** Forget a disconnected workspace's links to its old organisation, to connect another one. */
    @DeleteMapping("/links")
    Map<String, Object> clearLinks(@PathVariable String workspaceId) {
        return Map.of("workspaceId", workspaceId, "linksCleared", flow.clearLinks(workspaceId));
    }

    private ResponseEntity<?> answer(String workspaceId, ConnectOutcome outcome) {
        if (!(outcome instanceof ConnectOutcome.Stopped stopped)) {
            return ResponseEntity.ok(flow.status(workspaceId));
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(stopped.status()),
                stopped.detail() + " " + stopped.whatToDo());
        problem.setTitle(stopped.title());
        return ResponseEntity.status(stopped.status()).body(problem);
    }
}
