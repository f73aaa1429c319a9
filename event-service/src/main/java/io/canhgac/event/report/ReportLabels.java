package io.canhgac.event.report;

import io.canhgac.contract.EventType;

/** The Vietnamese words the CSV and PDF use: commune heads read these reports. */
final class ReportLabels {

    private ReportLabels() {
    }

    static String of(EventType type) {
        return switch (type) {
            case MOTION_START -> "Chuyển động";
            case MOTION_END -> "Hết chuyển động";
            case CAMERA_MOTION_START -> "Camera báo chuyển động";
            case CAMERA_MOTION_END -> "Camera báo hết chuyển động";
            case CAMERA_TAMPER_START -> "Che, phá camera";
            case CAMERA_TAMPER_END -> "Hết che, phá";
            case CAMERA_ONLINE -> "Có kết nối";
            case CAMERA_OFFLINE -> "Mất kết nối";
        };
    }

    static final String UPTIME_NOTE = "Thời gian hoạt động = thời gian TRỰC TUYẾN / cả khoảng thời gian; "
            + "thời gian chưa rõ trạng thái được tính là không hoạt động.";

    /** A fraction as a percentage with one decimal, or a dash when there is none. */
    static String percent(Double fraction) {
        return fraction == null ? "-" : String.format(java.util.Locale.ROOT, "%.1f%%", fraction * 100);
    }

    /** Seconds as hours and minutes, e.g. 3h05. */
    static String hours(long seconds) {
        return String.format(java.util.Locale.ROOT, "%dh%02d", seconds / 3600, seconds % 3600 / 60);
    }
}
