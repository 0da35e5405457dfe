// A client's referral code: issued once (by customer success, or when the client offers to refer) and kept; a lead sent with it is
// attributed to the client (activities/acquisition/leads.ts), and their account lists those leads.
import { randomInt } from 'node:crypto';
import { isUniqueViolation, type Db } from '../../platform/db';

/** No 0/O or 1/I/L: codes are read aloud and typed from paper. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const LENGTH = 8;
/** 31^8 codes: a clash is all but impossible, and is simply drawn again. */
const DRAWS = 3;

const drawCode = () => Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');

/** Gives the customer a code if they have none; a second call (or one at the same time) keeps the first. */
export async function issueReferralCode(db: Db, customerId: string): Promise<void> {
  for (let draw = 1; ; draw++) {
    try {
      await db.customer.updateMany({ where: { id: customerId, referralCode: null }, data: { referralCode: drawCode() } });
      return;
    } catch (err) {
      if (!isUniqueViolation(err) || draw === DRAWS) throw err;
    }
  }
}
