package io.canhgac.event.camera;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.stream.Collectors;

/** How the registry's routes say what went wrong: problem details the page can show as they are. */
@RestControllerAdvice(assignableTypes = {RegistryController.class, RegistryEditController.class, CameraOnvifController.class})
class RegistryProblems {

    @ExceptionHandler(IllegalStateException.class)
    ProblemDetail conflict(IllegalStateException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    /** A camera refused or could not be read: the distinct problem code tells the page which. */
    @ExceptionHandler(OnboardingRefusedException.class)
    ProblemDetail refused(OnboardingRefusedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
        problem.setTitle("The camera could not be onboarded");
        problem.setProperty("problem", e.problem());
        return problem;
    }

    /** No gateway reaches the commune now: the page says so ("problem": GATEWAY_UNAVAILABLE) and the technician retries. */
    @ExceptionHandler(GatewayUnavailableException.class)
    ProblemDetail noGateway(GatewayUnavailableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setProperty("problem", "GATEWAY_UNAVAILABLE");
        return problem;
    }

    /** Names every field at fault, so the form can mark them. */
    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalid(MethodArgumentNotValidException e) {
        String fields = e.getBindingResult().getFieldErrors().stream()
                .map(f -> f.getField() + ": " + f.getDefaultMessage()).sorted().collect(Collectors.joining("; "));
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, fields.isEmpty() ? "invalid request" : fields);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    /** An import file that is not a registry CSV: where, so the technician can fix that cell. */
    @ExceptionHandler(CameraCsv.MalformedException.class)
    ProblemDetail malformed(CameraCsv.MalformedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("The file is not a camera registry CSV");
        problem.setProperty("line", e.line());
        problem.setProperty("column", e.column());
        return problem;
    }
}
