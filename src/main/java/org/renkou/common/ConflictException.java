package org.renkou.common;

/** Somebody else changed the record since the user read it (version check), or a unique value is taken. */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CONFLICT)
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
