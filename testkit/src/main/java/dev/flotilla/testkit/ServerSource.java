package dev.flotilla.testkit;

/** One place a test server may come from; tried in order until one works. */
interface ServerSource {

    /** For the skip line, e.g. {@code local server 127.0.0.1:5432}. */
    String name();

    /**
     * Returns a server that accepts admin connections, or throws with a message that says why not
     * (the message becomes part of the skip line, so it never contains a password).
     */
    ProvidedServer open() throws Exception;
}
