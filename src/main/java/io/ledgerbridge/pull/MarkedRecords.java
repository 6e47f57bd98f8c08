package io.ledgerbridge.pull;

import io.ledgerbridge.pull.RefreshMarks.Category;
import io.ledgerbridge.pull.RefreshMarks.Mark;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The records Xero's webhooks marked, read for the feature that owns them: up to {@link #PER_CALL} of a workspace's
 * marks due, those the owner wants read fetched with one call ({@code GET path?IDs=…}, pull priority), handed to the
 * owner, and the marks set refreshed, except the records the owner put off. What cannot be read now (throttled, not
 * connected, Xero's error) stays marked for the next tick; the polls are the safety net.
 */
@Component
public class MarkedRecords {

    /** Records read by id in one call, within what a URL carries (36 characters and a comma each). */
    public static final int PER_CALL = 40;
    private static final Logger log = LoggerFactory.getLogger(MarkedRecords.class);

    private final RefreshMarks marks;
    private final PullSupport support;

    MarkedRecords(RefreshMarks marks, PullSupport support) {
        this.marks = marks;
        this.support = support;
    }

    /** The workspaces with marks of this category to refresh. */
    public List<String> workspaces(Category category) {
        return marks.workspacesWithDue(category);
    }

    /**
     * Reads the workspace's marked records of {@code category}, never throwing: the marks that could not be read stay.
     *
     * @param path       Xero's endpoint of the records, e.g. {@code /Invoices}
     * @param collection the array of Xero's answer, e.g. {@code Invoices}
     * @param type       what each element of it is read as
     * @param toRead     of the marks due, those whose records need reading; the others need no call and are settled
     * @param take       what the owner does with the records read; the ids it put off, which stay marked
     */
    public <T> void refreshQuietly(String workspaceId, Category category, String path, String collection, Class<T> type,
                                   UnaryOperator<List<Mark>> toRead, Function<List<T>, Set<UUID>> take) {
        try {
            List<Mark> due = marks.due(workspaceId, category, PER_CALL);
            if (due.isEmpty()) {
                return;
            }
            List<Mark> reading = toRead.apply(due);
            List<Mark> settled = new ArrayList<>(due);
            if (!reading.isEmpty()) {
                List<T> records = support.byIds(workspaceId, path, collection,
                        reading.stream().map(Mark::resourceId).toList(), type);
                Set<UUID> putOff = take.apply(records);
                settled.removeIf(mark -> putOff.contains(mark.resourceId()));
            }
            marks.refreshed(settled);
        } catch (RuntimeException e) {
            log.info("Workspace {}: the {} records its webhooks marked are read at the next tick: {}", workspaceId,
                    category, e.getMessage());
        }
    }
}
