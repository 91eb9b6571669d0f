package app.confidant.keyceremony;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A custodian's record of a token backup: the archive's file name in the configured backup directory, the SHA-256
 * that backup-token.sh printed when it was taken (on the ceremony record), and why.
 */
public record KeyBackupRequest(@NotBlank @Size(max = 255) String archive,
        @NotNull @Pattern(regexp = "[0-9a-fA-F]{64}", message = "a SHA-256 is 64 hexadecimal digits") String sha256,
        @NotBlank @Size(min = 10, max = 500) String reason) {
}
