import type { Db } from '../store/index.js';
import { galleryCount, galleryIds, loadGallery, loadGalleryRows } from './gallery.js';
import { openGalleryIndex, type GalleryIndex, type HnswParams } from './hnsw-index.file.js';

/**
 * The gallery's index as a long-lived service of a process (the server's, or one CLI command's): opened from
 * the store once, kept up to date as enrollments arrive, saved beside the store. Enrollment asks it for the
 * new enrollment's neighbours instead of scanning the gallery; when it does not hold exactly the store's
 * enrollments (another process enrolled, a transaction it did not see) it says so and enrollment falls back
 * to an exact scan, after which `refresh` catches the index up.
 */
export class EnrollmentIndex {
  #index: GalleryIndex | null = null;
  #lastSave = 0;
  #caughtUp = 0;

  constructor(
    readonly path: string | null,
    private readonly opts: { params?: HnswParams; saveEveryMs?: number } = {},
  ) {}

  /** The index, when it holds every enrollment of the store but `pending` (those inserted in the caller's transaction). */
  async current(db: Db, pending = 0): Promise<GalleryIndex | null> {
    if (!this.#index) return null;
    return (await galleryCount(db)) - pending === this.#index.ids.length ? this.#index : null;
  }

  /**
   * Brings the index up to the store: when one is open and holds only enrollments the store has, adds those it
   * lacks (loading just their rows); otherwise opens it from the store's gallery (the file beside the store,
   * caught up or built when missing or foreign).
   */
  async refresh(db: Db): Promise<GalleryIndex> {
    const open = this.#index;
    if (open) {
      const ids = await galleryIds(db);
      const inStore = new Set(ids);
      if (open.ids.every((id) => inStore.has(id))) {
        const held = new Set(open.ids);
        const rows = await loadGalleryRows(db, ids.filter((id) => !held.has(id)));
        this.#caughtUp = open.add(rows.ids, rows.vectors);
        return open;
      }
    }
    this.#index = openGalleryIndex(await loadGallery(db), this.path, this.opts.params ? { params: this.opts.params } : {});
    this.#caughtUp = this.#index.caughtUp;
    this.#lastSave = Date.now();
    return this.#index;
  }

  /** How many enrollments the last `refresh` added without rebuilding. */
  get caughtUp(): number {
    return this.#caughtUp;
  }

  /**
   * Records committed enrollments (ids and search vectors); saves the file at most every `saveEveryMs`
   * (default 5 s) — what a crash loses is only re-added from the store on the next `refresh`.
   */
  added(ids: readonly string[], vectors: Float32Array): void {
    if (!this.#index) return;
    this.#index.add(ids, vectors);
    if (Date.now() - this.#lastSave >= (this.opts.saveEveryMs ?? 5000)) this.flush();
  }

  /** Writes the file now (on shutdown). */
  flush(): void {
    this.#index?.save();
    this.#lastSave = Date.now();
  }

  /** The open index, if any. */
  get open(): GalleryIndex | null {
    return this.#index;
  }
}
