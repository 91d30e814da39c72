import type { FastifyInstance } from 'fastify';
import { refreshStatistics } from '../../store/index.js';

/** How often the query planner's statistics are refreshed while the server runs. */
const REFRESH_EVERY_MS = 60 * 60 * 1000;

/**
 * Keeps the store's query-planner statistics current while the server runs (hourly, as SQLite recommends
 * for long-lived connections): list pages stay index walks as tables grow. A failure is logged and tried
 * again at the next tick.
 */
export function installStoreMaintenance(app: FastifyInstance): void {
  let timer: NodeJS.Timeout | undefined;
  const refresh = async () => {
    try {
      await refreshStatistics(app.sallyport.store);
    } catch (e) {
      app.log.warn({ err: e }, 'refreshing query statistics failed');
    }
  };
  app.addHook('onReady', async () => {
    timer = setInterval(() => void refresh(), REFRESH_EVERY_MS);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
  });
}
