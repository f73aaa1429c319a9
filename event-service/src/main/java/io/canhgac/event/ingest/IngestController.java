package io.canhgac.event.ingest;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.canhgac.contract.CameraEvent;
import io.canhgac.contract.IngestOutcome;
import io.canhgac.event.gateway.GatewayIdentity;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.stream.Collectors;

/** Where gateways deliver events: a JSON array, answered per event (STORED or DUPLICATE). */
@RestController
class IngestController {

    private final IngestService ingest;

    IngestController(IngestService ingest) {
        this.ingest = ingest;
    }

    /** Only gateways with the token get here (IngestSecurityConfiguration). */
    @PostMapping("/api/ingest/events")
    List<IngestOutcome> ingest(@AuthenticationPrincipal GatewayIdentity gateway, @RequestBody List<CameraEvent> batch) {
        return ingest.ingest(batch, gateway);
    }

    @ExceptionHandler(InvalidBatchException.class)
    ProblemDetail invalid(InvalidBatchException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "nothing stored: " + e.getMessage());
    }

    /** Malformed JSON or a missing required field: name the path, e.g. events[2].occurredAt. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        String where = "";
        String what = e.getMostSpecificCause().getMessage();
        if (e.getCause() instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
            where = "events" + jme.getPath().stream()
                    .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining()) + ": ";
            if (jme instanceof InvalidFormatException ife) {
                what = "cannot read '" + ife.getValue() + "' as " + ife.getTargetType().getSimpleName();
            } else if (jme instanceof ValueInstantiationException && jme.getCause() instanceof NullPointerException npe
                    && npe.getMessage() != null && npe.getMessage().matches("[a-zA-Z]+")) {
                // CameraEvent's constructor names the missing field (Objects.requireNonNull(x, "name"))
                where = where.substring(0, where.length() - 2) + "." + npe.getMessage() + ": ";
                what = "required";
            }
        }
        String firstLine = what == null ? "unreadable" : what.lines().findFirst().orElse(what);
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "nothing stored: " + where + firstLine);
    }
}
