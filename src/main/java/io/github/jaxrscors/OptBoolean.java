package io.github.jaxrscors;

import org.jspecify.annotations.Nullable;

/**
 * A tri-state flag for {@link CrossOrigin} attributes: annotations cannot hold {@code null}, so
 * {@link #DEFAULT} stands for "not set here; inherit the next layer".
 */
public enum OptBoolean {
    /** The option is on. */
    TRUE,
    /** The option is off. */
    FALSE,
    /** Not set at this layer: the value comes from the next layer down (see {@link CrossOrigin}). */
    DEFAULT;

    /** {@code null} for {@link #DEFAULT}, else the boolean value. */
    @Nullable Boolean toBoolean() {
        return this == DEFAULT ? null : this == TRUE;
    }
}
