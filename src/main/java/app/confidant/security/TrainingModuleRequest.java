package app.confidant.security;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.Set;

/** A module to publish, or a new version of one (then {@code title} is ignored): content is a URL or the text. */
public record TrainingModuleRequest(
        @Size(max = 200) String title,
        @NotBlank @Size(max = 4000) String content,
        @NotEmpty Set<@NotBlank String> audience,
        @Min(1) @Max(3660) int validityDays) {
}
