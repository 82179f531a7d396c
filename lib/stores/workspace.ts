/** The page's connection to the workspace database (the same IndexedDB database as the background). */
import { defineStore } from 'pinia';
import { markRaw } from 'vue';
import { WorkspaceDb } from '../db';

export const useWorkspaceStore = defineStore('workspace', () => {
  // Dexie objects stay plain: Vue must not wrap the database in a reactive proxy.
  const db = markRaw(new WorkspaceDb());
  return { db };
});
