import type { ReportFigures } from './report-figures';
import { fallingFigures, reportFormProblems, reportLibraryFlags } from './report-form';

const figures = (census: Partial<ReportFigures['census']> = {}, insurance: ReportFigures['insurance'] = {}): ReportFigures => ({
  census: { unitsSurveyed: 100, uninsuredUnitsFound: 20, uninsuredPersonsFound: 300, unitsNewlyInsured: 10, ...census },
  insurance,
});
const texts = { problems: '', proposals: '' };

describe('report form', () => {
  it('accepts sound figures', () => {
    expect(reportFormProblems(figures({}, { pension: { newlyInsured: 120, contributionRate: 92.5, fundsCollectedYuan: 1234.56 } }), texts, null)).toEqual({});
  });

  it('refuses negative or fractional counts, rates outside 0–100 and fractions of a fen', () => {
    const problems = reportFormProblems(
      figures(
        { unitsSurveyed: -1, uninsuredPersonsFound: 2.5 },
        { medical: { newlyInsured: -3, contributionRate: 100.5, fundsCollectedYuan: 1.005 }, unemployment: { contributionRate: 90.123 } },
      ),
      texts,
      null,
    );
    expect(Object.keys(problems).sort()).toEqual([
      'census.uninsuredPersonsFound',
      'census.uninsuredUnitsFound',
      'census.unitsSurveyed',
      'insurance.medical.contributionRate',
      'insurance.medical.fundsCollectedYuan',
      'insurance.medical.newlyInsured',
      'insurance.unemployment.contributionRate',
    ]);
  });

  it('refuses a falling cumulative figure without a correction note and accepts it with one', () => {
    const previous = figures({ unitsSurveyed: 120 }, { pension: { newlyInsured: 500, totalInsured: 9000, contributionRate: 95 } });
    const now = figures({ unitsSurveyed: 100 }, { pension: { newlyInsured: 480, totalInsured: 8800, contributionRate: 90 } });
    expect(fallingFigures(now, previous).map((f) => f.field)).toEqual(['census.unitsSurveyed', 'insurance.pension.newlyInsured']);
    expect(reportFormProblems(now, texts, previous)).toEqual({
      'census.unitsSurveyed': ['falls from 120 to 100: a cumulative figure only falls with a correction note saying why'],
      'insurance.pension.newlyInsured': ['falls from 500 to 480: a cumulative figure only falls with a correction note saying why'],
      correctionNote: ['required: census.unitsSurveyed, insurance.pension.newlyInsured fell since the last report'],
    });
    expect(reportFormProblems(now, { ...texts, correctionNote: '核减重复统计的20户' }, previous)).toEqual({});
    // A stock (total insured) and a rate may fall without a note.
    expect(reportFormProblems(figures({ unitsSurveyed: 120 }, { pension: { newlyInsured: 500, totalInsured: 1, contributionRate: 1 } }), texts, previous)).toEqual({});
  });

  it('flags figures above what the resource library holds without refusing them', () => {
    const flags = reportLibraryFlags(figures({ unitsSurveyed: 50, unitsNewlyInsured: 45 }, { pension: { newlyInsured: 900 } }), { units: 40, employees: 800 });
    expect(flags.map((f) => [f.field, f.reported, f.library])).toEqual([
      ['census.unitsSurveyed', 50, 40],
      ['census.unitsNewlyInsured', 45, 40],
      ['insurance.pension.newlyInsured', 900, 800],
    ]);
    expect(reportLibraryFlags(figures({ unitsSurveyed: 40 }), { units: 40, employees: 800 })).toEqual([]);
  });
});
