package io.ledgerbridge.document;

import io.ledgerbridge.api.NotFoundException;
import io.ledgerbridge.workspace.WorkspaceRepository;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The documents of a workspace with their sync state, Xero id, error and fix hint. */
@RestController
@RequestMapping("/api/v1/workspaces/{workspaceId}/documents")
public class DocumentController {

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
        Optional<String> state = status.map(value -> value.trim().toUpperCase(java.util.Locale.ROOT));
        if (state.isPresent() && !STATES.contains(state.get())) {
            throw new IllegalArgumentException("Unknown status '" + status.get() + "'; use one of "
                    + STATES.stream().sorted().toList() + ".");
        }
        if (limit < 1 || limit > 1000 || offset < 0) {
            throw new IllegalArgumentException("limit must be between 1 and 1000 and offset at least 0.");
        }
        return documents.list(workspaceId, state, limit, offset);
    }

    @GetMapping("/{documentId}")
    public DocumentView get(@PathVariable String workspaceId, @PathVariable UUID documentId) {
        requireWorkspace(workspaceId);
        return documents.find(workspaceId, documentId).orElseThrow(() -> new NotFoundException(
                "Workspace '" + workspaceId + "' has no document " + documentId + "."));
    }

    private void requireWorkspace(String workspaceId) {
        if (!workspaces.exists(workspaceId)) {
            throw NotFoundException.workspace(workspaceId);
        }
    }
}
