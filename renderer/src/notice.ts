/** A message the main screen shows once, about how the vault was just opened. */
export type Notice =
  | { kind: 'repaired'; count: number }
  | { kind: 'recoveryKeyUsed' }
  | { kind: 'restored'; folder: string }
  /** A new vault was filled with this many invented cases. */
  | { kind: 'demo'; count: number };
