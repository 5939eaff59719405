/** Minimal big-endian reader/writer for the vault's binary layouts. */
export class ByteWriter {
  private readonly parts: Buffer[] = [];

  bytes(value: Uint8Array): this {
    this.parts.push(Buffer.from(value));
    return this;
  }

  u8(value: number): this {
    const b = Buffer.alloc(1);
    b.writeUInt8(value);
    return this.bytes(b);
  }

  u16(value: number): this {
    const b = Buffer.alloc(2);
    b.writeUInt16BE(value);
    return this.bytes(b);
  }

  u32(value: number): this {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(value);
    return this.bytes(b);
  }

  u64(value: bigint): this {
    const b = Buffer.alloc(8);
    b.writeBigUInt64BE(value);
    return this.bytes(b);
  }

  toBuffer(): Buffer {
    return Buffer.concat(this.parts);
  }
}

export class TruncatedError extends Error {}

export class ByteReader {
  offset = 0;

  constructor(private readonly buffer: Buffer) {}

  get remaining(): number {
    return this.buffer.length - this.offset;
  }

  /** The unread bytes, without consuming them. */
  peekRest(): Buffer {
    return this.buffer.subarray(this.offset);
  }

  bytes(length: number): Buffer {
    if (length > this.remaining) throw new TruncatedError('truncated');
    const out = this.buffer.subarray(this.offset, this.offset + length);
    this.offset += length;
    return out;
  }

  u8(): number {
    return this.bytes(1).readUInt8();
  }

  u16(): number {
    return this.bytes(2).readUInt16BE();
  }

  u32(): number {
    return this.bytes(4).readUInt32BE();
  }

  u64(): bigint {
    return this.bytes(8).readBigUInt64BE();
  }
}
