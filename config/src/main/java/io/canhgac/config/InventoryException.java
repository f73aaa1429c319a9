package io.canhgac.config;

/** The inventory file cannot be read or says something inconsistent; the message names the place. */
public class InventoryException extends RuntimeException {
    public InventoryException(String message) {
        super(message);
    }

    public InventoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
