package io.canhgac.gateway.onvif.xml;

/** Escapes values written into request envelopes, so a token or name cannot change the XML around it. */
public final class XmlEscape {

    private XmlEscape() {
    }

    public static String text(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '<': out.append("&lt;"); break;
                case '>': out.append("&gt;"); break;
                case '&': out.append("&amp;"); break;
                case '"': out.append("&quot;"); break;
                case '\'': out.append("&apos;"); break;
                default:
                    // characters XML 1.0 cannot carry at all are dropped rather than sent broken
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        out.append(c);
                    }
            }
        }
        return out.toString();
    }
}
