package io.ledgerbridge.pull;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerbridge.sync.SyncJob;
import io.ledgerbridge.sync.SyncScope;
import io.ledgerbridge.workspace.WorkspaceSettings;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The contacts pull (F28): the organisation's contacts changed since the last pull (all of them the first time,
 * archived ones too, so the platform sees an archive) go out on xero.contacts, each with the phone and address the
 * workspace's contact field mapping names. The contacts Xero's webhooks marked are read by id every couple of seconds
 * and published the same way.
 */
@Component
class ContactsPull implements SyncJob {

    static final String ENDPOINT = "direct:publish-contacts";
    static final int PAGE_SIZE = 1000;

    private final PullSupport support;
    private final MarkedRecords marked;
    private final Clock clock;

    ContactsPull(PullSupport support, MarkedRecords marked, Clock clock) {
        this.support = support;
        this.marked = marked;
        this.clock = clock;
    }

    @Override
    public SyncScope scope() {
        return SyncScope.CONTACTS;
    }

    @Override
    public Optional<String> notReady(String workspaceId) {
        return support.notReady(workspaceId, "contacts", WorkspaceSettings.Modules::contacts);
    }

    /** The workspaces with contacts Xero's webhooks marked: what the contact-webhook-refresh route reads. */
    public List<String> workspacesMarked() {
        return marked.workspaces(RefreshMarks.Category.CONTACT);
    }

    /**
     * The contacts Xero's webhooks marked for the workspace, read by id in one call at pull priority and published as the
     * pull publishes them (with contacts sync on; else the marks are dropped: the platform owns its customers). What
     * cannot be read now stays marked for the next tick.
     */
    public void refreshMarkedQuietly(String workspaceId) {
        marked.refreshQuietly(workspaceId, RefreshMarks.Category.CONTACT, "/Contacts", "Contacts", JsonNode.class,
                due -> support.settings(workspaceId).modules().contacts() ? due : List.of(),
                contacts -> {
                    WorkspaceSettings settings = support.settings(workspaceId);
                    support.publish(ENDPOINT, workspaceId, contacts.stream().map(contact -> PulledRecords.contact(
                            workspaceId, contact, settings.contactPhoneField(), settings.contactAddressField()).toString())
                            .toList());
                    return Set.of();
                });
    }

    @Override
    public Map<String, Long> run(String workspaceId) {
        Instant started = clock.instant();
        WorkspaceSettings settings = support.settings(workspaceId);
        List<JsonNode> contacts = support.pages(workspaceId, "/Contacts", "Contacts", "includeArchived=true", PAGE_SIZE,
                support.watermark(workspaceId, scope().name()));
        List<String> records = contacts.stream().map(contact -> PulledRecords.contact(workspaceId, contact,
                settings.contactPhoneField(), settings.contactAddressField()).toString()).toList();
        support.publish(ENDPOINT, workspaceId, records);
        support.saveWatermark(workspaceId, scope().name(), started);
        return Map.of("read", (long) contacts.size(), "published", (long) records.size());
    }
}
