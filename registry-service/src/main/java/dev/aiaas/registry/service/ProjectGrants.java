package dev.aiaas.registry.service;

import static dev.aiaas.errors.SqlWork.run;

import dev.aiaas.errors.DomainException;
import dev.aiaas.registry.config.RegistryConfig;
import dev.aiaas.registry.messaging.GrantEvents;
import dev.aiaas.registry.model.ProjectGrant;
import dev.aiaas.registry.storage.GrantStore;
import dev.aiaas.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;

/**
 * The roles the platform keeps: an admin of a project grants a subject a role in it, or takes
 * it back. Each change is stored and announced in one transaction; every service learns of it
 * from the topic, so it counts everywhere moments after the call returns.
 */
@ApplicationScoped
public class ProjectGrants {

    /** Longest subject a grant takes: identity providers' names are far shorter. */
    static final int MAX_SUBJECT_CHARS = 256;

    @Inject
    GrantStore grants;

    @Inject
    GrantEvents events;

    @Inject
    RegistryConfig config;

    /**
     * Grants {@code role} to {@code subject} in {@code project}; granting the role held changes nothing.
     *
     * @param grantedBy who grants it (empty when nobody was authenticated)
     */
    @Transactional
    public ProjectGrant grant(String project, String subject, Role role, String grantedBy) {
        requireSubject(subject);
        return run(() -> {
            var held = grants.findForUpdate(project, subject);
            if (held.isPresent() && held.get().role() == role) {
                return held.get();
            }
            ProjectGrant granted = grants.put(project, subject, role, grantedBy);
            events.granted(granted);
            return granted;
        });
    }

    /**
     * Takes away the role granted to {@code subject} in {@code project}; returns the role it held.
     *
     * @throws DomainException NOT_FOUND when it held none
     */
    @Transactional
    public Role revoke(String project, String subject, String revokedBy) {
        requireSubject(subject);
        return run(() -> {
            ProjectGrant held = grants.findForUpdate(project, subject).orElseThrow(() -> DomainException.notFound(
                    "'" + subject + "' holds no granted role in project " + project
                            + " (a role their token carries is the identity provider's to take away)"));
            grants.delete(project, subject);
            events.revoked(project, subject, revokedBy);
            return held.role();
        });
    }

    /** The project's grants by subject, or only {@code subject}'s when it is not empty. */
    public List<ProjectGrant> list(String project, String subject) {
        return run(() -> grants.list(project, subject == null ? "" : subject, config.listLimit()));
    }

    private static void requireSubject(String subject) {
        if (subject == null || subject.isBlank()) {
            throw DomainException.invalid("name the subject: the user as their tokens name them "
                    + "(upn, preferred_username or sub)");
        }
        if (subject.length() > MAX_SUBJECT_CHARS) {
            throw DomainException.invalid("the subject has " + subject.length() + " characters; at most "
                    + MAX_SUBJECT_CHARS + " are taken");
        }
        if (subject.chars().anyMatch(Character::isISOControl) || !subject.strip().equals(subject)) {
            throw DomainException.invalid("the subject '" + subject.replaceAll("\\p{Cntrl}", "?").toLowerCase(Locale.ROOT)
                    + "' has control characters or spaces around it; name it as the tokens do");
        }
    }
}
