package io.canhgac.event.user;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The IT officer's accounts: admins only (the security configuration says so for /api/accounts). */
@RestController
class AccountController {

    private final AccountService accounts;
    private final JdbcTemplate jdbc;

    AccountController(AccountService accounts, JdbcTemplate jdbc) {
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    record NewAccount(String username, String displayName, Role role, String communeId, String districtId, String password) {
    }

    record NewPassword(String password) {
    }

    record CommuneChoice(String id, String name) {
    }

    @GetMapping("/api/accounts")
    List<Account> list() {
        return accounts.list();
    }

    /** The communes a commune head can be given. */
    @GetMapping("/api/accounts/communes")
    List<CommuneChoice> communes() {
        return jdbc.query("SELECT id, name FROM commune ORDER BY name", (rs, n) -> new CommuneChoice(rs.getString(1), rs.getString(2)));
    }

    @PostMapping("/api/accounts")
    ResponseEntity<Account> create(@RequestBody NewAccount body, @AuthenticationPrincipal AppUser admin, HttpServletRequest http) {
        Account made = accounts.create(body.username() == null ? null : body.username().trim(),
                new AccountService.Profile(body.displayName(), body.role(), body.communeId(), body.districtId()), body.password(), actor(admin, http));
        return ResponseEntity.status(HttpStatus.CREATED).body(made);
    }

    @PutMapping("/api/accounts/{username}")
    Account edit(@PathVariable String username, @RequestBody AccountService.Profile body, @AuthenticationPrincipal AppUser admin,
                 HttpServletRequest http) {
        return accounts.edit(username, body, actor(admin, http));
    }

    @PostMapping("/api/accounts/{username}/disable")
    Account disable(@PathVariable String username, @AuthenticationPrincipal AppUser admin, HttpServletRequest http) {
        return accounts.setEnabled(username, false, actor(admin, http));
    }

    @PostMapping("/api/accounts/{username}/enable")
    Account enable(@PathVariable String username, @AuthenticationPrincipal AppUser admin, HttpServletRequest http) {
        return accounts.setEnabled(username, true, actor(admin, http));
    }

    @PostMapping("/api/accounts/{username}/password")
    Account resetPassword(@PathVariable String username, @RequestBody NewPassword body, @AuthenticationPrincipal AppUser admin,
                          HttpServletRequest http) {
        return accounts.resetPassword(username, body.password(), actor(admin, http));
    }

    static AccountService.Actor actor(AppUser user, HttpServletRequest http) {
        return new AccountService.Actor(user.getUsername(), http.getRemoteAddr());
    }
}
