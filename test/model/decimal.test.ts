import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal as DecimalJs } from 'decimal.js';
import { Decimal, DecimalSchema, decimalFromText, formatDecimal, writtenScale } from '../../src/model/decimal.js';

describe('decimalFromText', () => {
  it('keeps the number of decimals the text was written with', () => {
    expect(writtenScale(decimalFromText('25.0')!)).toBe(1);
    expect(writtenScale(decimalFromText('100.10')!)).toBe(2);
    expect(writtenScale(decimalFromText('7')!)).toBe(0);
  });

  it('accepts signs, a leading dot and surrounding whitespace', () => {
    expect(decimalFromText(' -1.5 ')!.toString()).toBe('-1.5');
    expect(decimalFromText('+3')!.toString()).toBe('3');
    expect(decimalFromText('.25')!.toString()).toBe('0.25');
  });

  it('refuses text that is not an xs:decimal', () => {
    for (const bad of ['', ' ', 'abc', '1e5', '12,50', 'NaN', 'Infinity', '1.2.3', '--1', '0x10']) {
      expect(decimalFromText(bad), bad).toBeUndefined();
    }
  });

  it('keeps digits beyond double precision exactly', () => {
    expect(decimalFromText('12345678901234567890.123456789')!.toFixed()).toBe('12345678901234567890.123456789');
  });
});

describe('formatDecimal', () => {
  it('writes a parsed value back exactly as it was written', () => {
    for (const text of ['25.0', '100.10', '0.00', '-0.00', '-0.50', '1656.25', '7', '0.000001', '+0.10', '.5', '007', '3.']) {
      expect(formatDecimal(decimalFromText(text)!)).toBe(text);
    }
  });

  it('writes computed values in plain notation without exponent', () => {
    expect(formatDecimal(new Decimal('1e-7'))).toBe('0.0000001');
    expect(formatDecimal(new Decimal('1e21'))).toBe('1000000000000000000000');
  });

  it('formats values computed from written ones in their natural form', () => {
    const written = decimalFromText('1.0')!;
    expect(formatDecimal(written.plus('0.25'))).toBe('1.25');
    expect(formatDecimal(written.times(1))).toBe('1');
  });

  it('round-trips any decimal text with the same value and scale (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.integer({ min: 0, max: 8 }), (units, scale) => {
        const digits = (units < 0n ? -units : units).toString().padStart(scale + 1, '0');
        const text = `${units < 0n ? '-' : ''}${scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`}`;
        const d = decimalFromText(text)!;
        expect(formatDecimal(d)).toBe(text);
        expect(d.equals(new Decimal(text))).toBe(true);
      }),
    );
  });
});

describe('DecimalSchema', () => {
  it('turns decimal text into a Decimal', () => {
    const d = DecimalSchema.parse('12.50');
    expect(d.constructor).toBe(Decimal);
    expect(formatDecimal(d)).toBe('12.50');
  });

  it('refuses JavaScript numbers with a message that says to use strings', () => {
    const r = DecimalSchema.safeParse(12.5);
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues[0]?.message).toMatch(/string/);
  });

  it('refuses invalid text, NaN and Infinity', () => {
    expect(DecimalSchema.safeParse('12,50').success).toBe(false);
    expect(DecimalSchema.safeParse(new DecimalJs(NaN)).success).toBe(false);
    expect(DecimalSchema.safeParse(new DecimalJs(Infinity)).success).toBe(false);
  });

  it('keeps our own Decimal instances as they are and re-creates foreign decimal.js instances', () => {
    const ours = decimalFromText('3.10')!;
    expect(DecimalSchema.parse(ours)).toBe(ours);
    const foreign = new DecimalJs('2.5');
    const converted = DecimalSchema.parse(foreign);
    expect(converted.constructor).toBe(Decimal);
    expect(converted.toString()).toBe('2.5');
  });
});
