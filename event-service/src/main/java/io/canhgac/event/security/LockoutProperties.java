package io.canhgac.event.security;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * When failed logins lock: {@code accountFailures} wrong passwords for one name, or
 * {@code addressFailures} from one address (a guesser trying many names), within {@code window},
 * lock that name or address for {@code duration}. The address limit is higher: a shared office
 * address carries every typo of the whole desk.
 */
@Validated
@ConfigurationProperties("canhgac.accounts.lockout")
record LockoutProperties(@DefaultValue("5") @Min(1) int accountFailures,
                         @DefaultValue("20") @Min(1) int addressFailures,
                         @DefaultValue("15m") Duration window,
                         @DefaultValue("15m") Duration duration) {

    int limit(LoginLock.Kind kind) {
        return kind == LoginLock.Kind.ACCOUNT ? accountFailures : addressFailures;
    }
}
