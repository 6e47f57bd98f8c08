package io.ledgerbridge.delivery;

import io.ledgerbridge.api.NotFoundException;
import io.ledgerbridge.workspace.WorkspaceRepository;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.security.Principal;
import java.util.Locale;
import java.util.Map;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The documents of a workspace with their sync state, Xero id, error and fix hint. */
@RestController
@RequestMapping("/api/v1/workspaces/{workspaceId}/documents")
class DocumentController {

    /** The states a document can be in; delivery (the next issue) moves documents out of PENDING. */
    static final Set<String> STATES = Set.of(DocumentRepository.PENDING, "WAITING", "SYNCED", "FAILED", "LOCKED",
            "PAID", "VOIDED", "OVER_QUOTA", "RESOLVED");

    private final DocumentRepository documents;
    private final WorkspaceRepository workspaces;

    public DocumentController(DocumentRepository documents, WorkspaceRepository workspaces) {
        this.documents = documents;
        this.workspaces = workspaces;
    }

    @GetMapping
    public List<DocumentView> list(@PathVariable String workspaceId,
                                   @RequestParam Optional<String> status,
                                   @RequestParam(defaultValue = "100") int limit,
                                   @RequestParam(defaultValue = "0") int offset) {
        requireWorkspace(workspaceId);
        Optional<String> state = status.map(value -> value.trim().toUpperCase(Locale.ROOT));
        if (state.isPresent() && !STATES.contains(state.get())) {
            throw new IllegalArgumentException("Unknown status '" + status.get() + "'; use one of "
                    + STATES.stream().sorted().toList() + ".");
        }
        Paging.check(limit, offset);
        return documents.list(workspaceId, state, limit, offset);
    }

    @GetMapping("/{documentId}")
    public DocumentView get(@PathVariable String workspaceId, @PathVariable UUID documentId) {
        requireWorkspace(workspaceId);
        return documents.find(workspaceId, documentId).orElseThrow(() -> new NotFoundException(
                "Workspace '" + workspaceId + "' has no document " + documentId + "."));
    }

    /** Send one document again, now. */
    @PostMapping("/{documentId}/resync")
    @Transactional
    public DocumentView resync(@PathVariable String workspaceId, @PathVariable UUID documentId, Principal who) {
        get(workspaceId, documentId);
        if (documents.resync(workspaceId, List.of(documentId), Optional.empty()).isEmpty()) {
            throw new IllegalArgumentException("Document " + documentId + " is VOIDED in Xero and cannot be sent again.");
        }
        documents.audit(workspaceId, documentId, "RESYNC", nameOf(who));
        return get(workspaceId, documentId);
    }

    /** The body of a bulk re-sync: the ids to send again, or every document in a state (e.g. FAILED). */
    public record ResyncRequest(List<UUID> ids, String status) {
    }

    /** Send many documents again: {@code {"ids": [...]}} or {@code {"status": "FAILED"}}. */
    @PostMapping("/resync")
    @Transactional
    public Map<String, Object> resyncMany(@PathVariable String workspaceId, @RequestBody ResyncRequest request,
                                          Principal who) {
        requireWorkspace(workspaceId);
        boolean byIds = request.ids() != null && !request.ids().isEmpty();
        if (byIds == (request.status() != null)) {
            throw new IllegalArgumentException("Give either \"ids\" (a list of document ids) or \"status\" (e.g. FAILED).");
        }
        Optional<String> state = Optional.ofNullable(request.status()).map(value -> value.trim().toUpperCase(Locale.ROOT));
        if (state.isPresent() && !STATES.contains(state.get())) {
            throw new IllegalArgumentException("Unknown status '" + request.status() + "'; use one of "
                    + STATES.stream().sorted().toList() + ".");
        }
        List<UUID> requeued = documents.resync(workspaceId, byIds ? request.ids() : List.of(), state);
        requeued.forEach(id -> documents.audit(workspaceId, id, "RESYNC", nameOf(who)));
        return Map.of("resynced", requeued.size(), "documentIds", requeued);
    }

    /** Mark a document resolved: a person has dealt with it, LedgerBridge stops trying. */
    @PostMapping("/{documentId}/resolve")
    @Transactional
    public DocumentView resolve(@PathVariable String workspaceId, @PathVariable UUID documentId, Principal who) {
        get(workspaceId, documentId);
        documents.resolve(workspaceId, documentId, "Marked resolved by " + nameOf(who));
        documents.audit(workspaceId, documentId, "RESOLVE", nameOf(who));
        return get(workspaceId, documentId);
    }

    private static String nameOf(Principal who) {
        return who == null ? "api" : who.getName();
    }

    private void requireWorkspace(String workspaceId) {
        if (!workspaces.exists(workspaceId)) {
            throw NotFoundException.workspace(workspaceId);
        }
    }
}
