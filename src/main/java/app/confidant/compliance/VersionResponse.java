package app.confidant.compliance;

/** What is running: the build (version, time, commit) and the platform underneath (Payara, JDK). */
public record VersionResponse(String version, String builtAt, String gitCommit, boolean gitDirty, String payara,
        String jdk) {
}
