package io.ledgerbridge.api;

import io.ledgerbridge.support.FixHints;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.http.ProblemDetail;

/** 404 as application/problem+json, with a detail that names what was not found. */
public class NotFoundException extends ErrorResponseException {

    public NotFoundException(String detail) {
        super(HttpStatus.NOT_FOUND, problem(detail), null);
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        problem.setTitle("Not found");
        return problem;
    }

    public static NotFoundException workspace(String workspaceId) {
        return new NotFoundException("There is no workspace '" + workspaceId + "'. "
                + FixHints.createWorkspace(workspaceId));
    }
}
