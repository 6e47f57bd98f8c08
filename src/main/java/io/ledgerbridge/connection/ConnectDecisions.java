package io.ledgerbridge.connection;

import io.ledgerbridge.connection.ConnectRequests.ConnectRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The connect flow's decisions, as pure functions: whether a callback's state may be used, and which organisation a
 * login connects (or why it may not). {@link ConnectFlow} gathers what they need, asks, and applies the answer.
 */
final class ConnectDecisions {

    private ConnectDecisions() {
    }

    /** How the state of a callback, or the choice token of the choose step, checked out. */
    sealed interface Check permits Proceed, Unknown, Used, Expired {
    }

    record Proceed(ConnectRequest request) implements Check {
    }

    /** No connect request of this workspace has it: forged, mistyped, or from another service. */
    record Unknown() implements Check {
    }

    /** Already used: a reload, the back button, or a replay. */
    record Used() implements Check {
    }

    record Expired(Instant at) implements Check {
    }

    static Check callback(Optional<ConnectRequest> request, Instant now) {
        if (request.isEmpty()) {
            return new Unknown();
        }
        ConnectRequest found = request.get();
        if (found.usedAt() != null) {
            return new Used();
        }
        if (!now.isBefore(found.expiresAt())) {
            return new Expired(found.expiresAt());
        }
        return new Proceed(found);
    }

    static Check choice(Optional<ConnectRequest> request, Instant now) {
        if (request.isEmpty()) {
            return new Unknown();
        }
        ConnectRequest found = request.get();
        if (found.chosenAt() != null) {
            return new Used();
        }
        if (found.tokens() == null) {
            return new Unknown();
        }
        if (!now.isBefore(found.choiceExpiresAt())) {
            return new Expired(found.choiceExpiresAt());
        }
        return new Proceed(found);
    }

    /** What to do with the organisations a login reaches. */
    sealed interface Choice permits Connect, Choose, NoOrganisation, NotReached, OtherOrganisation {
    }

    /** Connect this one. {@code sameAsBefore}: the workspace was linked to it already (a reconnect). */
    record Connect(XeroOrganisation organisation, boolean sameAsBefore) implements Choice {
    }

    /** The login reaches several and none was picked: the person chooses. */
    record Choose(List<XeroOrganisation> organisations) implements Choice {
    }

    /** The login reaches no organisation (a practice only, or every one unticked). */
    record NoOrganisation() implements Choice {
    }

    /** The organisation picked is not one the login reaches. */
    record NotReached(UUID tenantId) implements Choice {
    }

    /** The workspace's records are linked to another organisation: connecting this one would mix the two. */
    record OtherOrganisation(UUID linkedTenantId, String linkedName, long links, XeroOrganisation picked) implements Choice {
    }

    /**
     * @param reached  the organisations the login reaches
     * @param picked   the one the person picked, or null when they have not (yet)
     * @param existing the workspace's connection, also when it was disconnected: the organisation it is linked to
     * @param links    how many of the workspace's records point at records in {@code existing}'s organisation
     */
    static Choice organisation(List<XeroOrganisation> reached, UUID picked, Optional<XeroConnection> existing, long links) {
        if (reached.isEmpty()) {
            return new NoOrganisation();
        }
        XeroOrganisation organisation;
        if (picked != null) {
            organisation = reached.stream().filter(o -> o.tenantId().equals(picked)).findFirst().orElse(null);
            if (organisation == null) {
                return new NotReached(picked);
            }
        } else if (reached.size() == 1) {
            organisation = reached.get(0);
        } else {
            // a reconnect of a workspace with links: the organisation it is linked to, without asking
            Optional<XeroOrganisation> linked = existing.filter(e -> links > 0)
                    .flatMap(e -> reached.stream().filter(o -> o.tenantId().equals(e.tenantId())).findFirst());
            if (linked.isEmpty()) {
                return new Choose(reached);
            }
            organisation = linked.get();
        }
        boolean same = existing.map(e -> e.tenantId().equals(organisation.tenantId())).orElse(false);
        if (existing.isPresent() && !same && links > 0) {
            XeroConnection linked = existing.orElseThrow();
            return new OtherOrganisation(linked.tenantId(), linked.tenantName(), links, organisation);
        }
        return new Connect(organisation, same);
    }
}
