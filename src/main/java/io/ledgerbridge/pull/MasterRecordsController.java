package io.ledgerbridge.pull;

import io.ledgerbridge.pull.MasterRecords.Created;
import io.ledgerbridge.xero.ThrottledException;
import io.ledgerbridge.xero.XeroAnswerException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The platform asks for a customer or product to be created in Xero first (F31): 201 with Xero's id and the record as
 * published on xero.contacts or xero.products; 409 when the sync that owns them is off or the workspace is not
 * connected; 422 with Xero's words when Xero refuses it; 429 with Retry-After when the organisation's Xero budget is
 * spent for now.
 */
@RestController
class MasterRecordsController {

    record ContactRequest(@NotBlank @Size(max = 50) String platformId, @NotBlank @Size(max = 255) String name,
                          @Email @Size(max = 255) String email, @Size(max = 50) String phone,
                          @Size(max = 50) String taxNumber, @Valid AddressRequest address) {
    }

    record AddressRequest(@Size(max = 4) List<@Size(max = 500) String> lines, @Size(max = 255) String city,
                          @Size(max = 255) String region, @Size(max = 50) String postalCode, @Size(max = 50) String country) {
    }

    record ItemRequest(@NotBlank @Size(max = 30) String code, @NotBlank @Size(max = 50) String name,
                       @Size(max = 4000) String description,
                       @DecimalMin("0") @DecimalMax("999999999") @Digits(integer = 9, fraction = 4) BigDecimal unitPrice,
                       @Size(max = 10) String salesAccount, @Size(max = 50) String taxCode) {
    }

    private final MasterRecords records;

    MasterRecordsController(MasterRecords records) {
        this.records = records;
    }

    @PostMapping("/api/v1/workspaces/{workspaceId}/xero/contacts")
    ResponseEntity<Map<String, Object>> contact(@PathVariable String workspaceId, @Valid @RequestBody ContactRequest request) {
        AddressRequest a = request.address();
        Created created = records.contact(workspaceId, new MasterRecords.NewContact(request.platformId(), request.name(),
                request.email(), request.phone(), request.taxNumber(),
                a == null ? null : new MasterRecords.Address(a.lines(), a.city(), a.region(), a.postalCode(), a.country())));
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("xeroContactId", created.xeroId(),
                "published", created.published()));
    }

    @PostMapping("/api/v1/workspaces/{workspaceId}/xero/items")
    ResponseEntity<Map<String, Object>> item(@PathVariable String workspaceId, @Valid @RequestBody ItemRequest request) {
        Created created = records.item(workspaceId, new MasterRecords.NewItem(request.code(), request.name(),
                request.description(), request.unitPrice(), request.salesAccount(), request.taxCode()));
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("xeroItemId", created.xeroId(),
                "published", created.published()));
    }

    @ExceptionHandler(MasterRecords.Refused.class)
    ProblemDetail refused(MasterRecords.Refused e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage()
                + " Nothing was created; fix it and ask again.");
        problem.setTitle("Xero refused it");
        return problem;
    }

    @ExceptionHandler(ThrottledException.class)
    ResponseEntity<ProblemDetail> throttled(ThrottledException e) {
        long seconds = Math.max(1, Duration.between(Instant.now(), e.notBefore()).toSeconds() + 1);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "The organisation's Xero budget is spent for now; nothing was created. Ask again in " + seconds + " s.");
        problem.setTitle("Xero's limit");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .body(problem);
    }

    @ExceptionHandler(XeroAnswerException.class)
    ProblemDetail unavailable(XeroAnswerException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, "Xero did not create it: "
                + e.getMessage() + ". Ask again; a retry of the same request creates nothing twice.");
        problem.setTitle("Xero did not answer");
        return problem;
    }
}
