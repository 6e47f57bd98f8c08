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
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
    /** Contacts read by id in one call, within what a URL carries. */
    static final int MARKS_PER_CALL = 40;
    private static final Logger log = LoggerFactory.getLogger(ContactsPull.class);

    private final PullSupport support;
    private final RefreshMarks marks;
    private final Clock clock;

    ContactsPull(PullSupport support, RefreshMarks marks, Clock clock) {
        this.support = support;
        this.marks = marks;
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
        return marks.workspacesWithDue(RefreshMarks.Category.CONTACT);
    }

    /**
     * The contacts Xero's webhooks marked for the workspace, read by id in one call at pull priority and published as the
     * pull publishes them (with contacts sync on; else the marks are dropped: the platform owns its customers). What
     * cannot be read now stays marked for the next tick.
     */
    public void refreshMarkedQuietly(String workspaceId) {
        List<RefreshMarks.Mark> due = marks.due(workspaceId, RefreshMarks.Category.CONTACT, MARKS_PER_CALL);
        if (due.isEmpty()) {
            return;
        }
        try {
            WorkspaceSettings settings = support.settings(workspaceId);
            if (settings.modules().contacts()) {
                String ids = due.stream().map(mark -> mark.resourceId().toString()).collect(Collectors.joining(","));
                List<JsonNode> contacts = support.pages(workspaceId, "/Contacts", "Contacts", "IDs=" + ids, PAGE_SIZE, null);
                support.publish(ENDPOINT, workspaceId, contacts.stream().map(contact -> PulledRecords.contact(workspaceId,
                        contact, settings.contactPhoneField(), settings.contactAddressField()).toString()).toList());
            }
            marks.refreshed(due);
        } catch (RuntimeException e) {
            log.info("Workspace {}: the contacts its webhooks marked are read at the next tick: {}", workspaceId,
                    e.getMessage());
        }
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
