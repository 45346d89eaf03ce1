/**
 * Whether one more frame may be queued on a socket without its buffer going over the per-socket
 * budget (`settings.ws.sendBufferBytes`). An empty buffer always takes the frame: a single large
 * snapshot is not a slow client, and the buffer stays bounded by that one frame. Otherwise the
 * socket is over budget and the client is dropped (4008), never queued for without limit.
 */
export function fitsSendBudget(bufferedBytes: number, frameBytes: number, budgetBytes: number): boolean {
  return bufferedBytes === 0 || bufferedBytes + frameBytes <= budgetBytes;
}
