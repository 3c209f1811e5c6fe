package io.forwardlog.testkit.pki;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** When a leaf certificate is valid, relative to the moment it is issued. */
enum Validity {
    /** From an hour ago, so that a peer whose clock lags a little still accepts it, until a day from now. */
    CURRENT(Duration.ofHours(-1), Duration.ofDays(1)),
    /** Expired a day ago, far enough in the past that no clock skew makes it valid again. */
    EXPIRED(Duration.ofDays(-2), Duration.ofDays(-1)),
    /** Valid only from tomorrow. */
    NOT_YET_VALID(Duration.ofDays(1), Duration.ofDays(2));

    private final Duration notBeforeOffset;
    private final Duration notAfterOffset;

    Validity(Duration notBeforeOffset, Duration notAfterOffset) {
        this.notBeforeOffset = notBeforeOffset;
        this.notAfterOffset = notAfterOffset;
    }

    /** X.509 stores whole seconds; truncating keeps the certificate's dates equal to the ones we computed. */
    Instant notBefore(Instant now) {
        return now.truncatedTo(ChronoUnit.SECONDS).plus(notBeforeOffset);
    }

    Instant notAfter(Instant now) {
        return now.truncatedTo(ChronoUnit.SECONDS).plus(notAfterOffset);
    }
}
