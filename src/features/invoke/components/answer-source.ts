/** An answer to show: live (with the whole answer as a Blob) or from the history (the kept bytes). */
export interface AnswerSource {
  /** All the bytes when `complete`, else the start of the answer. */
  bytes: Uint8Array;
  complete: boolean;
  size: number;
  /** The whole answer, for a call made on this page. */
  blob?: Blob;
  contentType: string;
  headers: [string, string][];
}
