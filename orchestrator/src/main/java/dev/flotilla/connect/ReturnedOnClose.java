package dev.flotilla.connect;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;

/**
 * A borrowed connection that tells its pool's bookkeeping when it is closed (returned), so that
 * {@link TenantConnections} never closes a pool while one of its connections is out. Everything else goes
 * to the pool's connection unchanged. A JDK proxy, because {@link Connection} has some fifty methods and
 * only {@code close} needs a different meaning.
 */
final class ReturnedOnClose implements InvocationHandler {

    private final Connection borrowed;
    private final Runnable returned;
    private boolean closed;

    private ReturnedOnClose(Connection borrowed, Runnable returned) {
        this.borrowed = borrowed;
        this.returned = returned;
    }

    static Connection wrap(Connection borrowed, Runnable returned) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                new ReturnedOnClose(borrowed, returned));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (name.equals("equals") && method.getParameterCount() == 1) {
            return proxy == args[0]; // the wrapper is its own identity, as HikariCP's connections are
        }
        if (name.equals("hashCode") && method.getParameterCount() == 0) {
            return System.identityHashCode(proxy);
        }
        if (name.equals("close") && method.getParameterCount() == 0) {
            close();
            return null;
        }
        if (name.equals("isClosed") && method.getParameterCount() == 0 && closed) {
            return true;
        }
        try {
            return method.invoke(borrowed, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private void close() throws Exception {
        if (closed) {
            return;
        }
        closed = true;
        try {
            borrowed.close();
        } finally {
            returned.run();
        }
    }
}
