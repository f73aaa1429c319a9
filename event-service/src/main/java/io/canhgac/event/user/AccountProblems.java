package io.canhgac.event.user;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refusals as problem details whose "problem" code the pages translate (e.g. PASSWORD_TOO_SHORT). */
@RestControllerAdvice(assignableTypes = {AccountController.class, MeController.class})
class AccountProblems {

    @ExceptionHandler(AccountRefusedException.class)
    ProblemDetail refused(AccountRefusedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        problem.setProperty("problem", e.problem());
        return problem;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "the request body is not an account form");
    }
}
