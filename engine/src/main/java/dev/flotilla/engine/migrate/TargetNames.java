package dev.flotilla.engine.migrate;

import java.sql.Connection;
import java.sql.SQLException;

/** How messages name a target: its schema or database when given, else the connection's URL. */
final class TargetNames {

    private TargetNames() {
    }

    static String describe(Connection connection, String schema) throws SQLException {
        String url = withoutCredentials(connection.getMetaData().getURL());
        return schema == null ? url : schema + " (" + url + ")";
    }

    /** Drops a URL's query and the password of its user-info part, where drivers accept credentials. */
    static String withoutCredentials(String url) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        return base.replaceAll("//([^/@:]*):[^/@]*@", "//$1@");
    }
}
