package io.canhgac.event.recording;

import io.canhgac.event.camera.GatewayUnavailableException;
import io.canhgac.event.link.GatewayLinkException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;

import java.util.stream.Collectors;

/** How the recording routes say what went wrong, with a stable "problem" code the page maps to its words. */
@RestControllerAdvice(assignableTypes = {RecordingController.class, RecordingExportController.class})
class RecordingProblems {

    /** The commune's gateway is not connected (or none records it): 503 GATEWAY_UNAVAILABLE. */
    @ExceptionHandler(GatewayUnavailableException.class)
    ProblemDetail noGateway(GatewayUnavailableException e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "GATEWAY_UNAVAILABLE", e.getMessage());
    }

    /** The gateway refused (NOT_RECORDED, UNKNOWN_CAMERA, …) or its link failed meanwhile (LINK_DOWN, TIMEOUT). */
    @ExceptionHandler(GatewayLinkException.class)
    ProblemDetail refused(GatewayLinkException e) {
        boolean link = e.problem().equals(GatewayLinkException.LINK_DOWN) || e.problem().equals(GatewayLinkException.TIMEOUT);
        return problem(link ? HttpStatus.BAD_GATEWAY : HttpStatus.UNPROCESSABLE_ENTITY, e.problem(), e.getMessage());
    }

    @ExceptionHandler(ResponseStatusException.class)
    ProblemDetail status(ResponseStatusException e) {
        return ProblemDetail.forStatusAndDetail(e.getStatusCode(), e.getReason());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalid(MethodArgumentNotValidException e) {
        String fields = e.getBindingResult().getFieldErrors().stream()
                .map(f -> f.getField() + ": " + f.getDefaultMessage()).sorted().collect(Collectors.joining("; "));
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, fields.isEmpty() ? "invalid request" : fields);
    }

    private static ProblemDetail problem(HttpStatus status, String code, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
        problem.setProperty("problem", code);
        return problem;
    }
}
