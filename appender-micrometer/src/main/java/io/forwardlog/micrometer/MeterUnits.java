package io.forwardlog.micrometer;

/** Base units Micrometer's {@code BaseUnits} lacks. */
final class MeterUnits {

    /** Batches of events, as sent in one Forward frame. */
    static final String BATCHES = "batches";

    private MeterUnits() {
    }
}
