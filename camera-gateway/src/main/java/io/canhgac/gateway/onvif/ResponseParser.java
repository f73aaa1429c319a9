package io.canhgac.gateway.onvif;

import io.canhgac.gateway.onvif.xml.XmlContentException;
import org.w3c.dom.Element;

/** Reads an operation's response element into the gateway's records. */
@FunctionalInterface
public interface ResponseParser<T> {

    T parse(Element response) throws XmlContentException;
}
