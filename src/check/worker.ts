// A worker thread of the full audit: judges its share and posts the outcomes.

import { parentPort, workerData } from 'node:worker_threads';
import { judgeShare, type ShareTask } from './share.js';

parentPort!.postMessage(judgeShare(workerData as ShareTask));
