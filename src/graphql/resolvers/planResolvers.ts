import type { PlannedTaskResolvers, PlannedVisitResolvers, QueryResolvers } from "../../generated/graphql.js";
import { toIso } from "../../store/time.js";
import { timeArg } from "../args.js";
import type { TwinServices } from "../services.js";

export function planQueries(services: TwinServices): Pick<QueryResolvers, "maintenancePlan"> {
  return {
    maintenancePlan: async (_p, { from, days, technicians, hoursPerVisit, workingHours }) => {
      const fromMs = timeArg(from, "from") as number;
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- an explicit null overrides the schema's default; the generated type does not say so
      const plan = await services.planner.plan({ fromMs, days, technicians, hoursPerVisit, workingHours: workingHours ?? "08:00-17:00" });
      if (plan.unplannedTasks > 0) services.log.info("maintenance plan left tasks out: the horizon is too short for them", { unplannedTasks: plan.unplannedTasks, days, technicians });
      return plan.visits;
    },
  };
}

export const plannedVisitFields: PlannedVisitResolvers = {
  start: (v) => toIso(v.startMs) as string,
  end: (v) => toIso(v.endMs) as string,
  items: (v) => [...v.items],
};

export const plannedTaskFields: PlannedTaskResolvers = {
  dueBy: (t) => toIso(t.dueByMs),
};
