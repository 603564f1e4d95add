// A small place index for unit tests, so they need no gazetteer files.
import { buildPlaceIndex } from '../../places/core/place-index.ts'
import type { PlaceIndex } from '../../places/core/place-index.ts'
import { parseCuratedPlaces, parseWofGazetteer } from '../../places/core/place-record.ts'
import { LEXICON_WORDS } from './ingest-lexicon.ts'

const CURATED = [
  'kifri\tdistrict\tKifri\tكفري\tکفری\tKifry\t34.69\t44.96\tDiyala\tKifri\tpoint',
  'tuz-khurmatu\tdistrict\tTuz Khurmatu\tطوز خورماتو|طوزخورماتو\tدووزخورماتوو\tTooz|Tuz Khormato\t34.89\t44.63\tSalahuddin\tTuz Khurmatu\tpoint',
  'makhmour\tdistrict\tMakhmour\tمخمور\tمەخموور\tMakhmur\t35.78\t43.58\tErbil\tMakhmour\tpoint',
  'balkana\tvillage\tBalkana\tبلكانة\tپلکانە\tPalkana\t34.82\t44.73\tSalahuddin\tTuz Khurmatu\tapproximate',
  'diyala\tgovernorate\tDiyala\tديالى\tدیالە\tDiyala Governorate\t33.96\t45.10\tDiyala\t\tcentroid',
  'hamrin\tarea\tHamrin Mountains\tحمرين|جبال حمرين\tحەمرین\tHamrin\t34.55\t44.55\tSalahuddin\t\tapproximate',
  'gwer\tsubdistrict\tGwer\tكوير\tگوێر\tGweir\t36.05\t43.50\tErbil\tMakhmour\tpoint',
  'erbil\ttown\tErbil\tأربيل\tهەولێر\tArbil|Hewler\t36.19\t44.01\tErbil\tErbil\tpoint',
].join('\n')

const WOF = [
  'wof_id\tplacetype\tname\tname_en\tname_ar\tname_ar_variant\tname_ckb\tname_ku_latn\tname_ku_arab\talternatenames\tlatitude\tlongitude\tgeonameid\tgn_name\tgn_asciiname\tgn_feature_class\tgn_feature_code\tgn_admin1_code\tgn_admin2_code\tgn_population\tgn_elevation_dem\tgn_modification_date\tregion_id\tregion_name_en\tcounty_id\tcounty_name_en\tis_current\tsuperseded_by',
  '1\tlocality\tHarq\tHarq\tحرق\t\t\t\t\t\t34.8\t44.8\t1\tHarq\tHarq\tP\tPPL\t\t\t0\t\t\t\tSala ad-Din\t\tTooz\t-1\t',
  '2\tlocality\tQaryat Kanhash\tQaryat Kanhash\tقرية كنهش الكبير\t\t\t\t\t\t35.95\t43.50\t2\tKanhash\tKanhash\tP\tPPL\t\t\t0\t\t\t\tArbil\t\tMakhmur\t-1\t',
  '3\tlocality\tKanhash North\tKanhash North\tكنهش\t\t\t\t\t\t30.0\t47.0\t3\tKanhash\tKanhash\tP\tPPL\t\t\t0\t\t\t\tAl-Basrah\t\tBasrah\t-1\t',
].join('\n')

/** Builds the test index (curated + three gazetteer rows, one of them a village named like a word). */
export function testPlaceIndex(): PlaceIndex {
  return buildPlaceIndex([...parseCuratedPlaces(CURATED), ...parseWofGazetteer(WOF)], { stopwords: LEXICON_WORDS })
}
