package dev.flotilla.survey;

import dev.flotilla.Flotilla;
import dev.flotilla.engine.EngineException;
import dev.flotilla.registry.Tenant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads where many tenants stand (their version rows, dirty step and last run) without migrating them.
 * Thread-safety: one call at a time.
 */
public final class FleetSurvey {

    private final Flotilla flotilla;

    public FleetSurvey(Flotilla flotilla) {
        this.flotilla = flotilla;
    }

    /** One reading per tenant, in the order given. */
    public Map<String, Reading> read(List<Tenant> tenants) {
        // First form: a connection per tenant, in turn. Batched reads per server replace it.
        Map<String, Reading> readings = new LinkedHashMap<>();
        for (Tenant tenant : tenants) {
            try {
                readings.put(tenant.id(), new Reading.Found(tenant.id(), flotilla.tenant(tenant).status(), Optional.empty()));
            } catch (EngineException e) {
                readings.put(tenant.id(), new Reading.Unreachable(tenant.id(), e.getMessage()));
            }
        }
        return readings;
    }
}
