package io.canhgac.event.user;

import org.springframework.http.HttpStatus;

/** An account change refused; {@code problem} is the code the page shows in its language. */
class AccountRefusedException extends RuntimeException {

    private final String problem;
    private final HttpStatus status;

    AccountRefusedException(HttpStatus status, String problem, String message) {
        super(message);
        this.status = status;
        this.problem = problem;
    }

    static AccountRefusedException invalid(String problem, String message) {
        return new AccountRefusedException(HttpStatus.BAD_REQUEST, problem, message);
    }

    static AccountRefusedException conflict(String problem, String message) {
        return new AccountRefusedException(HttpStatus.CONFLICT, problem, message);
    }

    String problem() {
        return problem;
    }

    HttpStatus status() {
        return status;
    }
}
