package io.github.jaxrscors.deploy;

/** Thrown by {@link NotesResource#locked()}; {@link NoteLockedMapper} answers it. */
public final class NoteLockedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A new exception with a fixed message. */
    public NoteLockedException() {
        super("note is locked");
    }
}
